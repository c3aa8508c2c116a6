package org.redflag.advert;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One online advert to assess. Immutable and thread-safe; build it with {@link #builder(String, String)}
 * or read it from JSON with {@code org.redflag.io.AdvertJson}.
 *
 * <p>Only {@code id} and {@code text} are required. {@code tags} come from upstream review or vision
 * models and have the form {@code namespace:value} (for example {@code tattoo:crown}).
 */
public final class Advert {
  /** Longest accepted identifier, in UTF-16 units. */
  public static final int MAX_ID_LENGTH = 512;

  private final String id;
  private final String text;
  private final String title;
  private final String category;
  private final String market;
  private final String language;
  private final Instant postedAt;
  private final ImmutableList<String> tags;
  private final ImmutableList<Price> prices;
  private final String site;
  private final ImmutableList<String> contacts;
  private final String url;
  private final Instant capturedAt;
  private final String meta;
  private final String sourceRecord;

  private Advert(Builder b) {
    this.id = b.id;
    this.text = b.text;
    this.title = b.title;
    this.category = b.category;
    this.market = b.market;
    this.language = b.language;
    this.postedAt = b.postedAt;
    this.tags = b.tags.build();
    this.prices = b.prices.build();
    this.site = b.site;
    this.contacts = b.contacts.build();
    this.url = b.url;
    this.capturedAt = b.capturedAt;
    this.meta = b.meta;
    this.sourceRecord = b.sourceRecord;
  }

  public static Builder builder(String id, String text) {
    return new Builder(id, text);
  }

  /** A builder initialised with this advert's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(id, text).title(title).category(category).market(market).language(language)
        .postedAt(postedAt).site(site).url(url).capturedAt(capturedAt).meta(meta); // not the source record: a changed copy is no longer the record read
    tags.forEach(b::tag);
    prices.forEach(b::price);
    contacts.forEach(b::contact);
    return b;
  }

  public String id() { return id; }
  public String text() { return text; }
  public Optional<String> title() { return Optional.ofNullable(title); }
  public Optional<String> category() { return Optional.ofNullable(category); }
  public Optional<String> market() { return Optional.ofNullable(market); }
  /** BCP 47 language tag as given by the caller, if any. */
  public Optional<String> language() { return Optional.ofNullable(language); }
  public Optional<Instant> postedAt() { return Optional.ofNullable(postedAt); }
  public List<String> tags() { return tags; }
  public List<Price> prices() { return prices; }
  /** The site the advert was collected from (a name or host, as the caller gives it), if known. */
  public Optional<String> site() { return Optional.ofNullable(site); }
  /** Contact details given apart from the text (phone numbers, e-mail addresses, handles, links). */
  public List<String> contacts() { return contacts; }
  /** Where the advert was captured from (provenance; echoed in the assessment, never scored). */
  public Optional<String> url() { return Optional.ofNullable(url); }
  /** When the capture was made (provenance). */
  public Optional<Instant> capturedAt() { return Optional.ofNullable(capturedAt); }
  /** Free-form caller metadata as a JSON object text (provenance; covered by the input digest, never scored). */
  public Optional<String> meta() { return Optional.ofNullable(meta); }
  /**
   * The whole record the advert was read from, as RFC 8785 canonical JSON, including fields Redflag
   * does not use; the input digest covers it so that it identifies the capture, not only the fields
   * read. Empty for adverts built in code (their digest covers their canonical JSON).
   */
  public Optional<String> sourceRecord() { return Optional.ofNullable(sourceRecord); }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Advert a)) return false;
    return id.equals(a.id) && text.equals(a.text) && Objects.equals(title, a.title)
        && Objects.equals(category, a.category) && Objects.equals(market, a.market)
        && Objects.equals(language, a.language) && Objects.equals(postedAt, a.postedAt)
        && tags.equals(a.tags) && prices.equals(a.prices) && Objects.equals(site, a.site) && contacts.equals(a.contacts)
        && Objects.equals(url, a.url) && Objects.equals(capturedAt, a.capturedAt) && Objects.equals(meta, a.meta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, text, title, category, market, language, postedAt, tags, prices, site, contacts, url, capturedAt, meta);
  }

  /** Names the advert by id and size only: advert text never goes into logs or messages. */
  @Override
  public String toString() {
    return "Advert{id=" + id + ", textLength=" + text.length() + "}";
  }

  /** Builder with validation; every failure names the field. */
  public static final class Builder {
    private final String id;
    private final String text;
    private String title;
    private String category;
    private String market;
    private String language;
    private Instant postedAt;
    private final ImmutableList.Builder<String> tags = ImmutableList.builder();
    private final ImmutableList.Builder<Price> prices = ImmutableList.builder();
    private String site;
    private final ImmutableList.Builder<String> contacts = ImmutableList.builder();
    private String url;
    private Instant capturedAt;
    private String meta;
    private String sourceRecord;

    private Builder(String id, String text) {
      if (id == null) throw new IllegalArgumentException("advert field 'id' is required");
      if (id.isBlank()) throw new IllegalArgumentException("advert field 'id' must not be blank");
      if (id.length() > MAX_ID_LENGTH) {
        throw new IllegalArgumentException("advert field 'id' is longer than " + MAX_ID_LENGTH + " characters");
      }
      if (text == null) throw new IllegalArgumentException("advert field 'text' is required (it may be empty)");
      this.id = id;
      this.text = text;
    }

    public Builder title(String title) { this.title = title; return this; }

    public Builder category(String category) { this.category = blankToNull(category, "category"); return this; }

    public Builder market(String market) { this.market = blankToNull(market, "market"); return this; }

    public Builder language(String language) {
      String l = blankToNull(language, "language");
      if (l != null) {
        if (!isWellFormedLanguageTag(l)) {
          throw new IllegalArgumentException("advert field 'language' is not a BCP 47 language tag");
        }
        l = java.util.Locale.forLanguageTag(l).toLanguageTag();
      }
      this.language = l;
      return this;
    }

    public Builder postedAt(Instant postedAt) { this.postedAt = postedAt; return this; }

    public Builder tag(String tag) {
      if (tag == null) throw new IllegalArgumentException("advert field 'tags' must not contain null");
      int colon = tag.indexOf(':');
      if (colon <= 0 || colon == tag.length() - 1) {
        throw new IllegalArgumentException("advert field 'tags' entries must have the form namespace:value");
      }
      tags.add(tag);
      return this;
    }

    public Builder tags(Iterable<String> tags) {
      for (String t : tags) tag(t);
      return this;
    }

    public Builder price(Price price) {
      prices.add(Objects.requireNonNull(price, "advert field 'prices' must not contain null"));
      return this;
    }

    public Builder site(String site) { this.site = blankToNull(site, "site"); return this; }

    /** Adds one contact detail (a phone number, e-mail address, handle or link); at most 1,000 chars. */
    public Builder contact(String contact) {
      if (contact == null) throw new IllegalArgumentException("advert field 'contacts' must not contain null");
      if (contact.length() > 1000) throw new IllegalArgumentException("advert field 'contacts' entries must be at most 1000 characters");
      contacts.add(contact);
      return this;
    }

    /** At most 2,000 characters. */
    public Builder url(String url) {
      String u = url == null || url.isBlank() ? null : url.strip();
      if (u != null && u.length() > 2000) throw new IllegalArgumentException("advert field 'url' is longer than 2000 characters");
      this.url = u;
      return this;
    }

    public Builder capturedAt(Instant capturedAt) { this.capturedAt = capturedAt; return this; }

    /** Free-form metadata: the text of one JSON object (as {@code org.redflag.io.AdvertJson} gives it). */
    public Builder meta(String metaJsonObject) { this.meta = metaJsonObject; return this; }

    /** The canonical JSON of the record this advert was read from (set by the reader). */
    public Builder sourceRecord(String canonicalJson) { this.sourceRecord = canonicalJson; return this; }

    public Advert build() { return new Advert(this); }

    private static String blankToNull(String v, String field) {
      if (v == null) return null;
      String t = v.strip();
      if (t.isEmpty()) return null;
      if (t.length() > 200) throw new IllegalArgumentException("advert field '" + field + "' is longer than 200 characters");
      return t;
    }

    private static boolean isWellFormedLanguageTag(String tag) {
      try {
        new java.util.Locale.Builder().setLanguageTag(tag);
        return true;
      } catch (java.util.IllformedLocaleException e) {
        return false;
      }
    }
  }
}

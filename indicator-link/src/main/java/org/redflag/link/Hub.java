package org.redflag.link;

/** An identifier shared by more adverts than the hub threshold: not used to join. */
public record Hub(String type, String hash, int adverts) {}

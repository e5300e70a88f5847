package io.infrakit.spi;

/** Optional capability: a plugin that shows an example of its properties in {@code /info/api.json}. */
public interface InputExample {

    Any exampleProperties();
}

package io.infrakit.spi;

/** Optional capability: a plugin that says who made it. */
public interface Vendor {

    VendorInfo vendorInfo();
}

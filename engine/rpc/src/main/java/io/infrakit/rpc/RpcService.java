package io.infrakit.rpc;

import io.infrakit.spi.InterfaceSpec;

import java.util.List;

/** The methods that serve one SPI interface, such as {@code Instance/0.6.1}. */
record RpcService(InterfaceSpec implemented, List<RpcOperation> operations) {

    RpcService {
        operations = List.copyOf(operations);
    }
}

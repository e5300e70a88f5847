package io.infrakit.plugins.instance.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import io.infrakit.testkit.aws.MotoServer;

import java.util.ArrayList;
import java.util.List;

/** The EC2 operations a client sent, in order, for tests that check the plugin's call sequence. */
final class RecordedCalls implements ExecutionInterceptor {

    private final List<String> operations = new ArrayList<>();

    /** A plugin on moto whose every EC2 call is recorded here. */
    AwsInstancePlugin plugin(MotoEc2 moto, AwsSettings settings) {
        Ec2Client client = Ec2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(moto.server.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY)))
                .overrideConfiguration(override -> override.addExecutionInterceptor(this))
                .build();
        return new AwsInstancePlugin(AwsPluginProvider.NAME, client, settings);
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    synchronized void clear() {
        operations.clear();
    }
}

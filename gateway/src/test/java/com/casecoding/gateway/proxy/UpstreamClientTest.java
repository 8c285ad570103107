package com.casecoding.gateway.proxy;

import com.sun.net.httpserver.HttpServer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's upstream connections on their own: pooling, idle closing, timeouts and refused connections. */
class UpstreamClientTest {

    private static final long IDLE_MILLIS = 300;
    private static HttpServer server;
    private static NioEventLoopGroup loops;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(IDLE_MILLIS * 4);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("port " + exchange.getRemoteAddress().getPort()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        loops = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static UpstreamClient client() {
        return new UpstreamClient(NioSocketChannel::new, DefaultAddressResolverGroup.INSTANCE, 1000, IDLE_MILLIS, 4);
    }

    private static InetSocketAddress upstream() {
        return InetSocketAddress.createUnresolved("localhost", server.getAddress().getPort());
    }

    /** One GET on {@code loop}: the body, or the failure. */
    private static CompletableFuture<String> get(UpstreamClient client, EventLoop loop, String path) {
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> client.connect(loop, upstream(), true, (connection, error) -> {
            if (connection == null) {
                result.completeExceptionally(error);
                return;
            }
            StringBuilder body = new StringBuilder();
            connection.start(new UpstreamClient.Exchange() {
                @Override
                public void head(HttpResponse response) {
                    body.append(response.status().code()).append(' ');
                }

                @Override
                public void content(ByteBuf content, boolean last) {
                    body.append(content.toString(StandardCharsets.UTF_8));
                    if (last) {
                        result.complete(body.toString());
                    }
                }

                @Override
                public void failed(Throwable cause, boolean answered) {
                    result.completeExceptionally(cause);
                }
            });
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, "localhost");
            connection.channel().writeAndFlush(request);
            connection.requestSent();
        }));
        return result;
    }

    private static int idle(UpstreamClient client, EventLoop loop) throws Exception {
        return loop.submit(() -> client.idleConnections(upstream())).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionIsReusedAndClosedWhenIdleTooLong() throws Exception {
        UpstreamClient client = client();
        EventLoop loop = loops.next();
        String first = get(client, loop, "/a").get(5, TimeUnit.SECONDS);
        String second = get(client, loop, "/b").get(5, TimeUnit.SECONDS);
        assertTrue(first.startsWith("200 port "), first);
        assertEquals(first, second, "the second request goes over the same connection");
        assertEquals(1, idle(client, loop));
        Thread.sleep(IDLE_MILLIS * 3);
        assertEquals(0, idle(client, loop), "an idle connection is closed after the idle timeout");
        String third = get(client, loop, "/c").get(5, TimeUnit.SECONDS);
        assertTrue(!third.equals(first) && third.startsWith("200 port "), third);
    }

    @Test
    void noMoreThanTheLimitOfIdleConnectionsIsKept() throws Exception {
        UpstreamClient client = client();
        EventLoop loop = loops.next();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[10];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = get(client, loop, "/slow");
        }
        CompletableFuture.allOf(calls).exceptionally(e -> null).get(10, TimeUnit.SECONDS);
        assertTrue(idle(client, loop) <= 4, "at most 4 idle connections");
    }

    @Test
    void aRequestWithoutAnAnswerInTimeFails() {
        UpstreamClient client = new UpstreamClient(NioSocketChannel::new, DefaultAddressResolverGroup.INSTANCE, 1000,
                IDLE_MILLIS / 3, 4);
        CompletableFuture<String> slow = get(client, loops.next(), "/slow");
        Throwable failure = slow.handle((body, error) -> error).join();
        assertInstanceOf(TimeoutException.class, failure);
    }

    @Test
    void aRefusedConnectionIsReported() throws Exception {
        UpstreamClient client = client();
        EventLoop loop = loops.next();
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> client.connect(loop, InetSocketAddress.createUnresolved("127.0.0.1", 9), true,
                (connection, error) -> result.complete(connection == null ? "refused: " + error.getClass().getSimpleName() : "connected")));
        assertTrue(result.get(5, TimeUnit.SECONDS).startsWith("refused"));
    }
}

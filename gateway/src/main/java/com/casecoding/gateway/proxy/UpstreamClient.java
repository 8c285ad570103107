package com.casecoding.gateway.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * HTTP/1.1 connections from the gateway to the services, on Netty directly.
 * <p>
 * Each event loop keeps its own pool of idle kept-alive connections per upstream, and a request is always sent on a
 * connection of the event loop that serves the client's connection: no hand-over between threads, no locks, and one
 * object per request. (The general-purpose Vert.x HTTP client cost the gateway about a third more CPU per request;
 * see benchmarks/README.md.) A connection answers one request at a time; it goes back to the pool when its response is
 * complete and both sides allow keep-alive, and is closed otherwise.
 * <p>
 * Timeouts: connecting is bounded by {@code connectTimeout}; a connection with a request in flight that sees no byte in
 * either direction for {@code idleTimeout} fails that request, and an idle pooled connection is closed after the same
 * time.
 */
final class UpstreamClient {

    /** What a connection reports about the one request it carries; all calls come on the connection's event loop. */
    interface Exchange {
        /** The response head (status and headers); informational (1xx) heads are skipped. */
        void head(HttpResponse response);

        /** A piece of the response body; {@code last} ends it. The buffer is released after the call returns. */
        void content(io.netty.buffer.ByteBuf content, boolean last);

        /**
         * The request failed: the connection closed or timed out before the response was complete. {@code answered}:
         * the response head had already arrived.
         */
        void failed(Throwable error, boolean answered);
    }

    /** The upstream closed a connection before the response was complete. */
    static final class ConnectionClosedException extends IOException {
        ConnectionClosedException(String message) {
            super(message, null);
        }
    }

    private final ChannelFactory<? extends Channel> channels;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final int connectTimeoutMillis;
    private final long idleTimeoutMillis;
    private final int maxIdlePerLoop;
    private final FastThreadLocal<Map<InetSocketAddress, ArrayDeque<Connection>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<InetSocketAddress, ArrayDeque<Connection>> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * @param channels       the socket channels of the event loops' transport
     * @param resolver       resolves upstream host names when a connection is opened (never blocking the loop)
     * @param maxIdlePerLoop idle connections kept per event loop and upstream; more are closed when released
     */
    UpstreamClient(ChannelFactory<? extends Channel> channels, AddressResolverGroup<InetSocketAddress> resolver,
                   int connectTimeoutMillis, long idleTimeoutMillis, int maxIdlePerLoop) {
        this.channels = channels;
        this.resolver = resolver;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.maxIdlePerLoop = maxIdlePerLoop;
    }

    /**
     * Hands {@code then} a connection to {@code address} on {@code loop}: an idle pooled one when there is one and
     * {@code mayReuse} allows it, else a new one (or the reason it could not be opened). {@code then} runs on
     * {@code loop}.
     */
    void connect(EventLoop loop, InetSocketAddress address, boolean mayReuse, BiConsumer<Connection, Throwable> then) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> connect(loop, address, mayReuse, then));
            return;
        }
        ArrayDeque<Connection> pool = mayReuse ? idle.get().get(address) : null;
        Connection pooled;
        while (pool != null && (pooled = pool.pollLast()) != null) {
            if (pooled.channel.isActive()) {
                pooled.reused = true;
                then.accept(pooled, null);
                return;
            }
        }
        Connection connection = new Connection(address);
        new Bootstrap().group(loop).channelFactory(channels).resolver(resolver)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(connection)
                .connect(address)
                .addListener((ChannelFutureListener) f -> then.accept(f.isSuccess() ? connection : null, f.cause()));
    }

    /** Idle connections in this event loop's pool for {@code address} (for tests). */
    int idleConnections(InetSocketAddress address) {
        ArrayDeque<Connection> pool = idle.get().get(address);
        return pool == null ? 0 : pool.size();
    }

    private void release(Connection connection) {
        ArrayDeque<Connection> pool = idle.get().computeIfAbsent(connection.address, a -> new ArrayDeque<>());
        if (pool.size() >= maxIdlePerLoop) {
            connection.channel.close();
            return;
        }
        pool.addLast(connection);
    }

    private void forget(Connection connection) {
        ArrayDeque<Connection> pool = idle.get().get(connection.address);
        if (pool != null) {
            pool.remove(connection);
        }
    }

    /** One connection to an upstream, and the request it carries at the moment (if any). */
    final class Connection extends ChannelInboundHandlerAdapter {
        private final InetSocketAddress address;
        private Channel channel;
        private Exchange exchange;
        private boolean answered;
        private boolean keepAlive;
        /** Taken from the pool rather than opened for this request. */
        private boolean reused;
        /** Runs when the connection can take more of a streamed request body. */
        private Runnable onWritable;
        /** The whole request has been written (an early answer can come before that: the connection is not reused). */
        private boolean requestSent;

        private Connection(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            ctx.pipeline().addBefore(ctx.name(), null, new HttpClientCodec(4096, 65536, 65536));
            ctx.pipeline().addBefore(ctx.name(), null,
                    new IdleStateHandler(0, 0, idleTimeoutMillis, TimeUnit.MILLISECONDS));
        }

        Channel channel() {
            return channel;
        }

        /** Whether this connection came from the pool: the upstream may have closed it in the same instant. */
        boolean reused() {
            return reused;
        }

        /** Starts a request; its messages are then written with {@link Channel#write}. */
        void start(Exchange exchange) {
            this.exchange = exchange;
            this.answered = false;
            this.keepAlive = true;
            this.onWritable = null;
            this.requestSent = false;
        }

        /** Marks the request as completely written. */
        void requestSent() {
            this.requestSent = true;
        }

        /** {@code task} runs each time the connection's send buffer has room again after being full. */
        void whenWritable(Runnable task) {
            this.onWritable = task;
        }

        /** Whether the exchange started last is still waiting for (part of) its response. */
        boolean busy() {
            return exchange != null;
        }

        /** Gives up the request: the connection is closed, and the exchange hears nothing more. */
        void abort() {
            exchange = null;
            channel.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                Exchange current = exchange;
                if (current == null || !(msg instanceof HttpObject)) {
                    return;
                }
                if (msg instanceof HttpResponse response) {
                    int status = response.status().code();
                    if (status >= 100 && status < 200) {
                        // an interim answer (100 Continue, 103 Early Hints): the final one follows
                        return;
                    }
                    if (response.decoderResult().isFailure()) {
                        fail(new IOException("Unreadable response: " + response.decoderResult().cause().getMessage()));
                        return;
                    }
                    answered = true;
                    keepAlive = HttpUtil.isKeepAlive(response);
                    current.head(response);
                }
                if (msg instanceof HttpContent content && answered) {
                    boolean last = content instanceof LastHttpContent;
                    if (last) {
                        exchange = null;
                        onWritable = null;
                    }
                    current.content(content.content(), last);
                    if (last) {
                        if (keepAlive && requestSent && channel.isActive()) {
                            channel.config().setAutoRead(true);
                            release(this);
                        } else {
                            channel.close();
                        }
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (channel.isWritable() && onWritable != null && exchange != null) {
                onWritable.run();
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            forget(this);
            fail(new ConnectionClosedException("The upstream closed the connection"));
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                fail(new TimeoutException("No answer from the upstream within " + idleTimeoutMillis + " ms"));
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause);
            ctx.close();
        }

        private void fail(Throwable cause) {
            Exchange current = exchange;
            if (current != null) {
                exchange = null;
                channel.close();
                current.failed(cause, answered);
            }
        }
    }
}

package com.casecoding.codes.consult;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server whose first connection stalls: it accepts the connection and says nothing, as a server does
 * now and then until its socket timeout. Every later connection gets a plain SMTP dialogue, and the recipients of
 * each mail it accepts are recorded. Once a mail has been accepted on a later connection, the stalled one wakes up
 * and offers the same dialogue: a mailer that did not give up the stalled attempt would now deliver it a second
 * time. {@link #STALLED_ENDED} opens when that connection is over. The mailer's attempt timeout is 1 s here.
 */
public class StallingSmtpResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static final List<String> DELIVERED_TO = new CopyOnWriteArrayList<>();
    static final CountDownLatch STALLED_ENDED = new CountDownLatch(1);
    private static final CountDownLatch DELIVERED = new CountDownLatch(1);
    private static final List<Socket> OPEN = new CopyOnWriteArrayList<>();

    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        CONNECTIONS.set(0);
        DELIVERED_TO.clear();
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "stalling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getLocalPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "consults@casecoding.test",
                "consults.mail-attempt-timeout", "PT1S",
                "consults.inbound-secret", GreenMailResource.INBOUND_SECRET);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                OPEN.add(socket);
                boolean first = CONNECTIONS.incrementAndGet() == 1;
                Thread session = new Thread(() -> {
                    if (first) {
                        awaitDelivery(); // silent until a later connection delivered the mail
                        converse(socket);
                        STALLED_ENDED.countDown();
                    } else {
                        converse(socket);
                    }
                }, first ? "stalling-smtp-stalled" : "stalling-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void converse(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 stub ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 stub");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not needed
                        }
                        DELIVERED_TO.addAll(recipients);
                        recipients.clear();
                        DELIVERED.countDown();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void awaitDelivery() {
        try {
            DELIVERED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket s : OPEN) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

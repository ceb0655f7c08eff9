package de.buergerservice.evidence.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import de.buergerservice.testsupport.Sockets;

/**
 * The SMTP server's port as the application sees it, with a switch: while up, every
 * connection is passed through to the real server (GreenMail); while down, nothing
 * listens there and a connection is refused, as when the mail server is gone. Sessions
 * already open finish, as on a server that stops accepting; the real server keeps every
 * mail it ever received, so that the test can count them all.
 */
final class SmtpSwitch implements AutoCloseable {

	private final int port;

	private final int target;

	private volatile ServerSocket listening;

	SmtpSwitch(int port, int target) {
		this.port = port;
		this.target = target;
	}

	int port() {
		return port;
	}

	synchronized SmtpSwitch up() {
		if (listening != null) {
			return this;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listening = socket;
			Thread.ofVirtual().name("smtp-switch-" + port).start(() -> accept(socket));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + port, ex);
		}
	}

	synchronized SmtpSwitch down() {
		if (listening != null) {
			try {
				listening.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
			listening = null;
		}
		return this;
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
				Thread.ofVirtual().start(() -> Sockets.pump(client, server));
				Thread.ofVirtual().start(() -> Sockets.pump(server, client));
			}
			catch (IOException ex) {
				// closed by down(), or one connection failed: go on while listening
			}
		}
	}

	@Override
	public void close() {
		down();
	}

}

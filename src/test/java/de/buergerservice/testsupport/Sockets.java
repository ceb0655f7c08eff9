package de.buergerservice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * What the tests' relays in front of a real server do with a connection's two sockets.
 */
public final class Sockets {

	private Sockets() {
	}

	/**
	 * Passes what arrives on one socket to the other until either closes, then closes
	 * both.
	 */
	public static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// the other side closed
		}
		finally {
			close(from);
			close(to);
		}
	}

	public static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed anyway
		}
	}

}

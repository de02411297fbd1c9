//! A TCP proxy on loopback that holds every chunk the client sends for a fixed delay: each
//! DNS-over-HTTPS request then costs one extra round trip of that length.

use std::{
    io::{Read, Write},
    net::{Shutdown, TcpListener, TcpStream},
    thread,
    time::Duration,
};

use crate::Result;

/// Listens on a free loopback port and forwards to `upstream` (`127.0.0.1:PORT`); returns
/// the port.
pub fn start(upstream: String, delay: Duration) -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let upstream = upstream.clone();
            thread::spawn(move || {
                let Ok(server) = TcpStream::connect(&upstream) else {
                    return;
                };
                let (Ok(mut client_read), Ok(mut server_write)) = (client.try_clone(), server.try_clone()) else {
                    return;
                };
                let (mut server_read, mut client_write) = (server, client);
                thread::spawn(move || {
                    let mut buffer = [0u8; 16 * 1024];
                    while let Ok(n @ 1..) = client_read.read(&mut buffer) {
                        thread::sleep(delay);
                        if server_write.write_all(&buffer[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = server_write.shutdown(Shutdown::Write);
                });
                let mut buffer = [0u8; 16 * 1024];
                while let Ok(n @ 1..) = server_read.read(&mut buffer) {
                    if client_write.write_all(&buffer[..n]).is_err() {
                        break;
                    }
                }
                let _ = client_write.shutdown(Shutdown::Write);
            });
        }
    });
    Ok(port)
}

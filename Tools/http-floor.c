// The host's floor for Tools/bench-http-floor.sh: the least an HTTP/1.1 server can do per request. THREADS
// threads, each with its own listening socket on 127.0.0.1:PORT (SO_REUSEPORT) and its own epoll, answer
// every request head they read with the same fixed response: status line, Content-Type, Content-Length and
// BODY bytes. No parsing beyond finding the blank line that ends each head; keep-alive only.
// Build: gcc -O2 -pthread Tools/http-floor.c -o http-floor. Usage: http-floor PORT [THREADS] [BODY]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

enum { MAX_DESCRIPTORS = 65536 };
static int port;
static char response[8192];
static int response_length;
// How much of "\r\n\r\n" each connection's bytes have matched so far, so that a head split between two
// reads still counts once.
static unsigned char matched[MAX_DESCRIPTORS];

static int listening_socket(void) {
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) || listen(listener, 1024)) {
    perror("http-floor: listen");
    exit(1);
  }
  return listener;
}

// Counts the request heads that end in `bytes`, carrying the match across reads.
static int heads_ending(int fd, const char *bytes, ssize_t length) {
  static const char end[] = "\r\n\r\n";
  int heads = 0, state = matched[fd];
  for (ssize_t i = 0; i < length; i++) {
    state = bytes[i] == end[state] ? state + 1 : (bytes[i] == '\r' ? 1 : 0);
    if (state == 4) { heads++; state = 0; }
  }
  matched[fd] = (unsigned char)state;
  return heads;
}

static void *serve(void *unused) {
  (void)unused;
  int listener = listening_socket(), poller = epoll_create1(0), one = 1;
  struct epoll_event event = {.events = EPOLLIN, .data.fd = listener};
  epoll_ctl(poller, EPOLL_CTL_ADD, listener, &event);
  struct epoll_event ready[256];
  char buffer[16384];
  for (;;) {
    int count = epoll_wait(poller, ready, 256, -1);
    for (int i = 0; i < count; i++) {
      int fd = ready[i].data.fd;
      if (fd == listener) {
        int client;
        while ((client = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (client >= MAX_DESCRIPTORS) { close(client); continue; }
          setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          matched[client] = 0;
          struct epoll_event added = {.events = EPOLLIN, .data.fd = client};
          epoll_ctl(poller, EPOLL_CTL_ADD, client, &added);
        }
        continue;
      }
      ssize_t length = read(fd, buffer, sizeof buffer);
      if (length < 0 && errno == EAGAIN) continue;
      if (length <= 0) { close(fd); continue; }
      for (int heads = heads_ending(fd, buffer, length); heads > 0; heads--) {
        if (write(fd, response, response_length) != response_length) { close(fd); break; }
      }
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: http-floor PORT [THREADS] [BODY]\n"); return 2; }
  port = atoi(argv[1]);
  int threads = argc > 2 ? atoi(argv[2]) : 2, body = argc > 3 ? atoi(argv[3]) : 31;
  if (port <= 0 || threads <= 0 || body < 0 || body > 4096) { fprintf(stderr, "http-floor: bad PORT, THREADS or BODY\n"); return 2; }
  response_length = snprintf(response, sizeof response,
                             "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %d\r\n\r\n", body);
  memset(response + response_length, 'x', (size_t)body);
  response_length += body;
  for (int t = 1; t < threads; t++) {
    pthread_t thread;
    pthread_create(&thread, NULL, serve, NULL);
  }
  serve(NULL);
}

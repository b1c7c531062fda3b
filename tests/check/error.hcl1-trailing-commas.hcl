job "web" {
  group "app" {
    task "pgadmin" {
      driver = "docker"
      config {
        image = "dpage/pgadmin4"
      }
      env {
        PGADMIN_DEFAULT_EMAIL="admin@example.com",
        PGADMIN_LISTEN_PORT="5050"
      }
    }
  }
}

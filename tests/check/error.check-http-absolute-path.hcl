job "web" {
  group "app" {
    update {
      max_parallel = 1
    }
    network {
      port "http" {}
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      service {
        name = "web"
        port = "http"
        check {
          type     = "http"
          path     = "http://localhost/health"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}

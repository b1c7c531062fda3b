job "web" {
  group "app" {
    count = 2
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
          type     = "tcp"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}

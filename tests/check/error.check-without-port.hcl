job "web" {
  group "app" {
    update {
      max_parallel = 1
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      service {
        name = "web"
        check {
          type     = "tcp"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}

job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      meta {
        owner.team = "infra"
      }
    }
  }
}

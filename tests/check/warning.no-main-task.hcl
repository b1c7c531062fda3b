job "web" {
  group "app" {
    task "init" {
      driver = "exec"
      config {
        command = "/bin/init"
      }
      lifecycle {
        hook = "prestart"
      }
    }
  }
}

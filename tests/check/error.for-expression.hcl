job "web" {
  group "app" {
    task "t" {
      env = {
        for k, v in var.env: k => v
      }
      args = [for x in var.args x]
    }
  }
}

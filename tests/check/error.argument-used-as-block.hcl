job "web" {
  datacenters {
    name = "dc1"
  }
}

job "web" {
  datacenters = [for d in 5 : d]
}

# hashiapp: the demo's web service. Three instances behind the Fabio router, each fetching its
# secret from Vault at start-up; `hjob syntax examples/jobs/hashiapp.hcl` parses it.
job "hashiapp" {
  datacenters = ["dc1"]
  type        = "service"

  # One instance at a time, each healthy for 10s before the next; a bad release rolls back.
  update {
    max_parallel     = 1
    min_healthy_time = "10s"
    healthy_deadline = "3m"
    auto_revert      = true
  }

  group "hashiapp" {
    count = 3

    network {
      port "http" {}
    }

    task "hashiapp" {
      driver = "exec"

      config {
        command = "hashiapp"
        args    = ["-listen", ":${NOMAD_PORT_http}", "-vault-path", "secret/data/hashiapp"]
      }

      artifact {
        source      = "https://releases.example.com/hashiapp/0.1.0/hashiapp_linux_amd64.tgz"
        destination = "local/bin"
      }

      env {
        VAULT_ADDR = "http://127.0.0.1:8200"
        # The demo's dev-mode Vault token; a production job takes the token the vault block issues.
        VAULT_TOKEN = "hjob-demo-root"
      }

      resources {
        cpu    = 500 # MHz
        memory = 256 # MB
      }

      service {
        name = "hashiapp"
        port = "http"
        tags = ["urlprefix-/hashiapp"]

        check {
          type     = "http"
          path     = "/health"
          interval = "10s"
          timeout  = "2s"
        }
      }

      # "hashiapp" reads the app's secrets; Vault's built-in "default" policy lets the token
      # renew itself (update on auth/token/renew-self), which Nomad does before it expires.
      vault {
        policies = ["hashiapp", "default"]
      }
    }
  }
}

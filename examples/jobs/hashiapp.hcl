# hashiapp: the demo's web service. Three instances behind the router (fabio.hcl), each
# reading its secret from Vault (hjob's secrets API) with the token its vault block issues.
# On hjob's local runtime: hjob apply -var hashiapp_command=$PWD/build/hashiapp examples/jobs/hashiapp.hcl

variable "hashiapp_command" {
  type        = string
  default     = "hashiapp"
  description = "The hashiapp program: a name on the agent's PATH or an absolute path (the demo passes build/hashiapp)."
}

variable "release_url" {
  type        = string
  default     = ""
  description = "An https:// release archive of hashiapp to download into local/bin first; empty downloads nothing."
}

variable "app_version" {
  type        = string
  default     = "v1"
  description = "The version label hashiapp shows on /: change it to roll out a new version."
}

variable "instances" {
  type        = number
  default     = 3
  description = "How many instances run behind the router."
}

job "hashiapp" {
  datacenters = ["dc1"]
  type        = "service"

  # One instance at a time, each healthy for 5s before the next; a bad release rolls back.
  update {
    max_parallel     = 1
    health_check     = "checks"
    min_healthy_time = "5s"
    healthy_deadline = "1m"
    auto_revert      = true
  }

  group "hashiapp" {
    count = var.instances

    network {
      port "http" {}
    }

    task "hashiapp" {
      driver = "exec"

      # Out of the catalog (and so out of the router) a second before it is signalled: the
      # requests in flight finish, none reaches an instance that is going away.
      shutdown_delay = "1s"

      config {
        command = var.hashiapp_command
        args = [
          "--bind", "${NOMAD_IP_http}",
          "--port", "${NOMAD_PORT_http}",
          "--version", var.app_version,
          "--vault-path", "secret/data/hashiapp",
        ]
      }

      dynamic "artifact" {
        for_each = var.release_url == "" ? [] : [var.release_url]
        content {
          source      = artifact.value
          destination = "local/bin"
        }
      }

      resources {
        cpu    = 500 # MHz
        memory = 256 # MB
      }

      service {
        name = "hashiapp"
        port = "http"
        tags = ["urlprefix-/hashiapp strip=/hashiapp", "version-${var.app_version}"]

        check {
          type     = "http"
          path     = "/health"
          interval = "2s"
          timeout  = "1s"
        }
      }

      # "hashiapp" reads the app's secrets; Vault's built-in "default" policy lets the token
      # renew itself (update on auth/token/renew-self), which the agent does before it expires.
      # The token reaches the task as VAULT_TOKEN and secrets/vault_token, VAULT_ADDR with it.
      vault {
        policies = ["hashiapp", "default"]
      }
    }
  }
}

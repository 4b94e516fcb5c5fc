// The system's libyaml (Debian: libyaml-dev; pkg-config: yaml-0.1), read by YAMLComposer.
#include <yaml.h>

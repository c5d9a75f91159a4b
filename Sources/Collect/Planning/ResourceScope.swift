/// Whether a resource type is listed once per account or once per region.
public enum ResourceScope: Sendable, Hashable {
    /// Listed once, from the home region; files under `accounts/<id>/<directory>/` (S3 buckets).
    case global
    /// Listed in every collected region; files under `accounts/<id>/<region>/<directory>/`.
    case regional
}

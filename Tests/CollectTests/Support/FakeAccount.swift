@testable import Collect

/// Canned `aws` answers for one small account, 123456789012, in us-east-1.
enum FakeAccount {
    static let id = "123456789012"
    static let identity = #"{"UserId": "AIDAEXAMPLE", "Account": "123456789012", "Arn": "arn:aws:iam::123456789012:user/audit"}"#
    static let gaad = #"{"UserDetailList": [{"UserName": "alice"}], "RoleDetailList": [], "GroupDetailList": [], "Policies": []}"#
    static let bucketPolicy = #"{"Policy": "{\"Statement\":[]}"}"#
    static let keyID = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let secretARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/password-AbCdEf"

    static func responses() -> [String: CommandResult] {
        [
            "sts get-caller-identity": .json(identity),
            "iam get-account-authorization-details": .json(gaad),
            "iam list-open-id-connect-providers": .json(#"{"OpenIDConnectProviderList": []}"#),
            "iam list-saml-providers": .json(#"{"SAMLProviderList": []}"#),
            "iam generate-credential-report": .json(#"{"State": "COMPLETE"}"#),
            "iam get-credential-report": .json(#"{"Content": "dXNlcixhcm4sdXNlcl9jcmVhdGlvbl90aW1lLHBhc3N3b3JkX2VuYWJsZWQscGFzc3dvcmRfbGFzdF91c2VkLHBhc3N3b3JkX2xhc3RfY2hhbmdlZCxwYXNzd29yZF9uZXh0X3JvdGF0aW9uLG1mYV9hY3RpdmUsYWNjZXNzX2tleV8xX2FjdGl2ZSxhY2Nlc3Nfa2V5XzFfbGFzdF9yb3RhdGVkLGFjY2Vzc19rZXlfMV9sYXN0X3VzZWRfZGF0ZSxhY2Nlc3Nfa2V5XzFfbGFzdF91c2VkX3JlZ2lvbixhY2Nlc3Nfa2V5XzFfbGFzdF91c2VkX3NlcnZpY2UsYWNjZXNzX2tleV8yX2FjdGl2ZSxhY2Nlc3Nfa2V5XzJfbGFzdF9yb3RhdGVkLGFjY2Vzc19rZXlfMl9sYXN0X3VzZWRfZGF0ZSxhY2Nlc3Nfa2V5XzJfbGFzdF91c2VkX3JlZ2lvbixhY2Nlc3Nfa2V5XzJfbGFzdF91c2VkX3NlcnZpY2UsY2VydF8xX2FjdGl2ZSxjZXJ0XzFfbGFzdF9yb3RhdGVkLGNlcnRfMl9hY3RpdmUsY2VydF8yX2xhc3Rfcm90YXRlZAo8cm9vdF9hY2NvdW50Pixhcm46YXdzOmlhbTo6MTIzNDU2Nzg5MDEyOnJvb3QsMjAyMC0wMS0wMVQwMDowMDowMCswMDowMCxub3Rfc3VwcG9ydGVkLE4vQSxub3Rfc3VwcG9ydGVkLG5vdF9zdXBwb3J0ZWQsdHJ1ZSxmYWxzZSxOL0EsTi9BLE4vQSxOL0EsZmFsc2UsTi9BLE4vQSxOL0EsTi9BLGZhbHNlLE4vQSxmYWxzZSxOL0EK", "ReportFormat": "text/csv", "GeneratedTime": "2026-01-01T00:00:00Z"}"#),
            "iam get-account-password-policy": .awsError("NoSuchEntity"),
            "iam get-account-summary": .json(#"{"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0}}"#),
            "s3control get-public-access-block --account-id 123456789012":
                .awsError("NoSuchPublicAccessBlockConfiguration"),
            "s3api list-buckets --query Buckets[].Name": .json(#"["web", "logs"]"#),
            "s3api get-bucket-policy --bucket web": .json(bucketPolicy),
            "s3api get-bucket-policy --bucket logs": .awsError("NoSuchBucketPolicy"),
            "s3api get-bucket-acl --bucket web": .json(#"{"Grants": []}"#),
            "s3api get-bucket-acl --bucket logs": .json(#"{"Grants": []}"#),
            "s3api get-public-access-block --bucket web": .awsError("NoSuchPublicAccessBlockConfiguration"),
            "s3api get-public-access-block --bucket logs": .json(#"{"PublicAccessBlockConfiguration": {}}"#),
            "us-east-1|kms list-keys --query Keys[].KeyId": .json("[\"\(keyID)\"]"),
            "kms list-keys --query Keys[].KeyId": .json("[]"),
            "kms describe-key --key-id \(keyID)": .json(#"{"KeyMetadata": {}}"#),
            "kms get-key-policy --key-id \(keyID) --policy-name default": .json(#"{"Policy": "{}"}"#),
            "kms list-grants --key-id \(keyID)": .awsError("ThrottlingException", "Rate exceeded"),
            "sqs list-queues --query QueueUrls": .json(""),
            "us-east-1|sqs list-queues --query QueueUrls": .json(#"["https://sqs.us-east-1.amazonaws.com/123456789012/orders"]"#),
            "sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attribute-names QueueArn Policy":
                .json(#"{"Attributes": {"QueueArn": "arn:aws:sqs:us-east-1:123456789012:orders"}}"#),
            // sns list-topics: not answered, so AccessDenied
            "lambda list-functions --query Functions[].FunctionName": .json("null"),
            "us-east-1|lambda list-functions --query Functions[].FunctionName": .json(#"["fn"]"#),
            "lambda get-function --function-name fn": .json(#"{"Configuration": {}}"#),
            "lambda get-policy --function-name fn": .awsError("ResourceNotFoundException"),
            "secretsmanager list-secrets --query SecretList[].[Name,ARN]": .json("[]"),
            "us-east-1|secretsmanager list-secrets --query SecretList[].[Name,ARN]":
                .json("[[\"prod/db/password\", \"\(secretARN)\"]]"),
            "secretsmanager get-resource-policy --secret-id \(secretARN)": .json(#"{"Name": "prod/db/password"}"#),
            "ecr describe-repositories --query repositories[].repositoryName": .json("[]"),
        ].merging(emptyListings) { a, _ in a }
    }

    /// The listings of the policy-bearing types that this account has none of.
    static let emptyListings: [String: CommandResult] = [
        "s3control list-access-points --account-id 123456789012 --query AccessPointList[].Name": .json("[]"),
        "lambda list-layers --query Layers[].LayerName": .json("[]"),
        "ec2 describe-snapshots --owner-ids self --query Snapshots[].SnapshotId": .json("[]"),
        "rds describe-db-snapshots --snapshot-type manual --query DBSnapshots[].DBSnapshotIdentifier": .json("[]"),
        "rds describe-db-cluster-snapshots --snapshot-type manual --query DBClusterSnapshots[].DBClusterSnapshotIdentifier": .json("[]"),
        "efs describe-file-systems --query FileSystems[].FileSystemId": .json("[]"),
        "dynamodb list-tables --query TableNames": .json("[]"),
        "dynamodbstreams list-streams --query Streams[].StreamArn": .json("[]"),
        "glacier list-vaults --account-id - --query VaultList[].VaultName": .json("[]"),
        "events list-event-buses --query EventBuses[].Name": .json("[]"),
        "logs describe-destinations --query destinations[].destinationName": .json("[]"),
        "apigateway get-rest-apis --query items[].id": .json("[]"),
        "opensearch list-domain-names --query DomainNames[].DomainName": .json("[]"),
        "backup list-backup-vaults --query BackupVaultList[].BackupVaultName": .json("[]"),
    ]
}

#!/usr/bin/env python3
"""Start a moto server on 127.0.0.1 (free port) and populate one small account for
`accessgraph collect` tests.

Usage: python3 scripts/collect-moto-fixture.py [--account 123456789012] [--max-seconds 900] [--organization-members]

Prints one line once the server is populated:
  ENDPOINT=http://127.0.0.1:PORT ACCOUNT=123456789012
With --organization-members the server holds instead an organization whose management account is
moto's default account 123456789012 (MOTO_ACCOUNT_ID is not set, so that each member has its own state), with three member accounts, each populated through `sts assume-role` into its
OrganizationAccountAccessRole (moto gives each member its own state), with cross-account trusts and a
bucket one member shares with another; the third member's role trusts another account only, so it
cannot be assumed (this server checks role trusts, see enforce_role_trust). The line then also has
MEMBERS=ID,ID,ID (the order above) LOCKED=ID.
then serves until its standard input closes (the test that started it ends) or
--max-seconds pass, and stops.  Needs `pip install 'moto[server]' boto3`.
"""
import argparse, io, json, os, sys, threading, zipfile

EXTERNAL = "210987654321"  # another account, outside the organization
REGION = "us-east-1"


def policy(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def lambda_zip():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("index.py", "def handler(event, context):\n    return 'ok'\n")
    return b.getvalue()


def populate_iam(iam, account):
    managed = iam.create_policy(PolicyName="DeveloperAccess", Path="/team/", PolicyDocument=policy(
        {"Effect": "Allow", "Action": ["s3:Get*", "sqs:SendMessage"], "Resource": "*"}))["Policy"]["Arn"]
    iam.create_group(GroupName="developers")
    iam.attach_group_policy(GroupName="developers", PolicyArn=managed)
    iam.put_group_policy(GroupName="developers", PolicyName="assume-deployer", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::%s:role/deployer" % account}))
    for user in ("alice", "bob"):
        iam.create_user(UserName=user)
        iam.add_user_to_group(UserName=user, GroupName="developers")
    iam.put_user_policy(UserName="alice", PolicyName="admin", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "*", "Resource": "*"}))
    trusts = {
        "deployer": {"AWS": "arn:aws:iam::%s:root" % account},
        "cross-account-auditor": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL},
        "public-role": {"AWS": "*"},
        "lambda-exec": {"Service": "lambda.amazonaws.com"},
    }
    for name, principal in trusts.items():
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=policy(
            {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}))
    iam.attach_role_policy(RoleName="deployer", PolicyArn=managed)
    iam.create_open_id_connect_provider(Url="https://token.actions.githubusercontent.com",
                                        ClientIDList=["sts.amazonaws.com"],
                                        ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"])
    iam.create_saml_provider(Name="okta", SAMLMetadataDocument="<EntityDescriptor xmlns='urn:oasis:names:tc:SAML:2.0:metadata' entityID='okta'/>" + "x" * 1000)


def populate_resources(c, account):
    s3 = c("s3")
    s3.create_bucket(Bucket="public-web")
    s3.put_bucket_policy(Bucket="public-web", Policy=policy(
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public-web/*"}))
    s3.create_bucket(Bucket="shared-data")
    s3.put_bucket_policy(Bucket="shared-data", Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": ["s3:GetObject", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::shared-data", "arn:aws:s3:::shared-data/*"]}))
    s3.put_bucket_acl(Bucket="shared-data", ACL="public-read")
    s3.create_bucket(Bucket="private-logs")  # no policy: get-bucket-policy must leave no file
    s3.put_public_access_block(Bucket="private-logs", PublicAccessBlockConfiguration={k: True for k in (
        "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")})
    c("kms").create_key(Description="shared key", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % account}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": "kms:Decrypt", "Resource": "*"}]}, indent=4))
    queue_arn = "arn:aws:sqs:%s:%s:orders" % (REGION, account)
    c("sqs").create_queue(QueueName="orders", Attributes={"Policy": policy(
        {"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": queue_arn})})
    c("sqs").create_queue(QueueName="internal")
    c("sns").create_topic(Name="alerts")
    c("lambda").create_function(FunctionName="thumbnailer", Runtime="python3.12", Handler="index.handler",
                                Role="arn:aws:iam::%s:role/lambda-exec" % account, Code={"ZipFile": lambda_zip()})
    c("lambda").add_permission(FunctionName="thumbnailer", StatementId="s3-invoke", Action="lambda:InvokeFunction",
                               Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::public-web")
    c("lambda").create_function(FunctionName="no-policy", Runtime="python3.12", Handler="index.handler",
                                Role="arn:aws:iam::%s:role/lambda-exec" % account, Code={"ZipFile": lambda_zip()})
    sm = c("secretsmanager")
    sm.create_secret(Name="prod/db/password", SecretString="not-a-secret")
    sm.put_resource_policy(SecretId="prod/db/password", ResourcePolicy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": "secretsmanager:GetSecretValue", "Resource": "*"}))
    c("ecr").create_repository(repositoryName="team/app")
    c("ecr").set_repository_policy(repositoryName="team/app", policyText=policy(
        {"Sid": "pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": "ecr:BatchGetImage"}))
    ec2 = c("ec2")
    volume = ec2.create_volume(AvailabilityZone=REGION + "a", Size=1)["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume, Description="public snapshot")["SnapshotId"]
    ec2.modify_snapshot_attribute(SnapshotId=snapshot, Attribute="createVolumePermission", OperationType="add", GroupNames=["all"])
    rds = c("rds")
    rds.create_db_instance(DBInstanceIdentifier="payroll", DBInstanceClass="db.t3.micro", Engine="postgres",
                           MasterUsername="admin", MasterUserPassword="not-a-secret", AllocatedStorage=20)
    rds.create_db_snapshot(DBSnapshotIdentifier="payroll-manual", DBInstanceIdentifier="payroll")
    rds.modify_db_snapshot_attribute(DBSnapshotIdentifier="payroll-manual", AttributeName="restore", ValuesToAdd=[EXTERNAL])
    table_arn = c("dynamodb").create_table(
        TableName="orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")["TableDescription"]["TableArn"]
    c("dynamodb").put_resource_policy(ResourceArn=table_arn, Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": "dynamodb:GetItem", "Resource": table_arn}))
    c("apigateway").create_rest_api(name="orders-api", policy=policy(
        {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}))
    c("events").put_permission(EventBusName="default", Action="events:PutEvents", Principal=EXTERNAL, StatementId="partner")


def populate_organization(org):
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    prod = org.create_organizational_unit(ParentId=root, Name="Prod")["OrganizationalUnit"]["Id"]
    payments = org.create_organizational_unit(ParentId=prod, Name="Payments")["OrganizationalUnit"]["Id"]
    member = org.create_account(Email="member@example.com", AccountName="member")["CreateAccountStatus"]["AccountId"]
    org.move_account(AccountId=member, SourceParentId=root, DestinationParentId=payments)
    scp = org.create_policy(Name="DenyLeaveOrg", Description="deny leaving", Type="SERVICE_CONTROL_POLICY", Content=policy(
        {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}))["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=scp, TargetId=prod)


ROLE = "OrganizationAccountAccessRole"


def enforce_role_trust():
    """moto lets anyone assume any role ARN, even one that does not exist. Here, as in AWS,
    the role must exist and its trust policy must allow the caller's account (its root, or a
    principal of that account, or "*"); otherwise AccessDenied. Patched in this process, which
    is the server's."""
    from moto.iam.models import iam_backends
    from moto.sts.exceptions import STSClientError
    from moto.sts.models import STSBackend
    assume = STSBackend.assume_role

    def trusted(role, caller):
        document = json.loads(role.assume_role_policy_document)
        for statement in document.get("Statement", []):
            principals = statement.get("Principal", {})
            named = principals if isinstance(principals, str) else principals.get("AWS", [])
            named = [named] if isinstance(named, str) else named
            if statement.get("Effect") == "Allow" and any(p == "*" or p == caller or ":%s:" % caller in p for p in named):
                return True
        return False

    def checked(self, region_name, role_session_name, role_arn, policy, duration, external_id):
        account, name = role_arn.split(":")[4], role_arn.split("/")[-1]
        roles = iam_backends[account]["global"].roles.values()
        role = next((r for r in roles if r.arn == role_arn or r.name == name), None)
        if role is None or not trusted(role, self.account_id):
            raise STSClientError("AccessDenied", "User: arn:aws:iam::%s:root is not authorized to perform: "
                                 "sts:AssumeRole on resource: %s" % (self.account_id, role_arn))
        return assume(self, region_name, role_session_name, role_arn, policy, duration, external_id)

    STSBackend.assume_role = checked


def member_client(boto3, endpoint, account):
    """A client factory with credentials from assume-role into the member's ROLE."""
    sts = boto3.client("sts", endpoint_url=endpoint, region_name=REGION)
    keys = sts.assume_role(RoleArn="arn:aws:iam::%s:role/%s" % (account, ROLE), RoleSessionName="fixture")["Credentials"]
    return lambda name: boto3.client(name, endpoint_url=endpoint, region_name=REGION,
                                     aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                                     aws_session_token=keys["SessionToken"])


def populate_organization_members(boto3, endpoint, management):
    c = lambda name: boto3.client(name, endpoint_url=endpoint, region_name=REGION)
    org = c("organizations")
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    prod = org.create_organizational_unit(ParentId=root, Name="Prod")["OrganizationalUnit"]["Id"]
    members = []
    for name, parent in (("alpha", prod), ("beta", prod), ("gamma", root)):
        account = org.create_account(Email="%s@example.com" % name, AccountName=name)["CreateAccountStatus"]["AccountId"]
        if parent != root:
            org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=parent)
        members.append(account)
    alpha, beta, gamma = members
    scp = org.create_policy(Name="DenyLeaveOrg", Description="deny leaving", Type="SERVICE_CONTROL_POLICY", Content=policy(
        {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}))["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=scp, TargetId=prod)

    iam = c("iam")  # management: a CI role that may deploy into alpha
    iam.create_role(RoleName="ci", AssumeRolePolicyDocument=policy(
        {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}))
    iam.put_role_policy(RoleName="ci", PolicyName="deploy-alpha", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::%s:role/deploy" % alpha}))
    c("s3").create_bucket(Bucket="management-audit-logs")

    a = member_client(boto3, endpoint, alpha)
    a("iam").create_role(RoleName="deploy", AssumeRolePolicyDocument=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:role/ci" % management}, "Action": "sts:AssumeRole"}))
    a("iam").put_role_policy(RoleName="deploy", PolicyName="admin", PolicyDocument=policy(
        {"Effect": "Allow", "Action": "*", "Resource": "*"}))
    a("s3").create_bucket(Bucket="alpha-shared-data")
    a("s3").put_bucket_policy(Bucket="alpha-shared-data", Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % beta}, "Action": ["s3:GetObject", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::alpha-shared-data", "arn:aws:s3:::alpha-shared-data/*"]}))
    a("sqs").create_queue(QueueName="alpha-jobs", Attributes={"Policy": policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % beta}, "Action": "sqs:SendMessage",
         "Resource": "arn:aws:sqs:%s:%s:alpha-jobs" % (REGION, alpha)})})

    b = member_client(boto3, endpoint, beta)
    b("iam").create_user(UserName="analyst")
    b("iam").put_user_policy(UserName="analyst", PolicyName="read-shared", PolicyDocument=policy(
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::alpha-shared-data*"}))
    b("iam").create_role(RoleName="reader", AssumeRolePolicyDocument=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % alpha}, "Action": "sts:AssumeRole"}))
    b("kms").create_key(Description="beta key", Policy=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % beta}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % alpha}, "Action": "kms:Decrypt", "Resource": "*"}))

    g = member_client(boto3, endpoint, gamma)  # then its role trusts another account only
    g("s3").create_bucket(Bucket="gamma-private")
    g("iam").update_assume_role_policy(RoleName=ROLE, PolicyDocument=policy(
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root" % EXTERNAL}, "Action": "sts:AssumeRole"}))
    return members, gamma


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--account", default="123456789012")
    ap.add_argument("--max-seconds", type=float, default=900)
    ap.add_argument("--organization-members", action="store_true")
    args = ap.parse_args()
    os.environ.update(MOTO_ACCOUNT_ID=args.account, AWS_ACCESS_KEY_ID=args.account,
                      AWS_SECRET_ACCESS_KEY="fixture", AWS_DEFAULT_REGION=REGION,
                      MOTO_EC2_LOAD_DEFAULT_AMIS="false")  # else every default AMI's snapshot is listed as the account's
    try:
        import boto3
        from moto.server import ThreadedMotoServer
    except ImportError as e:
        sys.exit("collect-moto-fixture: %s (install with: pip install 'moto[server]==5.2.1' awscli==1.45.11)" % e)
    if args.organization_members:
        # MOTO_ACCOUNT_ID would pin every request to one account; without it moto takes the account
        # from the access key (an assumed role's key is its account's) and any other key is 123456789012.
        if args.account != "123456789012":
            sys.exit("collect-moto-fixture: with --organization-members the management account is moto's default, 123456789012")
        del os.environ["MOTO_ACCOUNT_ID"]
        enforce_role_trust()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = "http://%s:%d" % (host, port)
    client = lambda name: boto3.client(name, endpoint_url=endpoint, region_name=REGION)
    if args.organization_members:
        members, locked = populate_organization_members(boto3, endpoint, args.account)
        print("ENDPOINT=%s ACCOUNT=%s MEMBERS=%s LOCKED=%s" % (endpoint, args.account, ",".join(members), locked), flush=True)
    else:
        populate_iam(client("iam"), args.account)
        populate_resources(client, args.account)
        populate_organization(client("organizations"))
        print("ENDPOINT=%s ACCOUNT=%s" % (endpoint, args.account), flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait(args.max_seconds)
    server.stop()


if __name__ == "__main__":
    main()

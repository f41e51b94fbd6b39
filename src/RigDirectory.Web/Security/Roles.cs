namespace RigDirectory.Web.Security;

public static class Roles
{
    public const string Student = nameof(Student);
    public const string RigLeader = nameof(RigLeader);
    public const string AcrAdmin = nameof(AcrAdmin);

    public static readonly IReadOnlyList<string> All = [Student, RigLeader, AcrAdmin];
}

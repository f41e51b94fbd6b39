namespace RigDirectory.Web.Security;

public static class Roles
{
    public const string Student = nameof(Student);
    public const string RigLeader = nameof(RigLeader);
    public const string AcrAdmin = nameof(AcrAdmin);

    /// <summary>Granted when ACR approves an offer to mentor; what a mentor may do is decided by the offer itself.</summary>
    public const string Mentor = nameof(Mentor);

    public static readonly IReadOnlyList<string> All = [Student, RigLeader, AcrAdmin, Mentor];
}

namespace RigDirectory.Web.Kernel;

/// <summary>
/// A capability's part of deleting an account, for what no database cascade can do (a seat to pass to the first
/// student waiting, a mentor's place to free). Each runs inside the deletion's transaction, so a failure leaves the
/// account and all of it as they were; Security's user manager calls them without knowing the capabilities.
/// </summary>
public interface IAccountErasure
{
    /// <summary>Erases the account's part; returns what was given back ("1 event seat(s)"), or null when nothing was.</summary>
    Task<string?> EraseAsync(string userId, CancellationToken cancellationToken);
}

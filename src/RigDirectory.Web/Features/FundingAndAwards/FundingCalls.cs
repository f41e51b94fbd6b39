using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.FundingAndAwards;

/// <summary>Admins open funding calls and correct them; a budget is never cut below what has been awarded.</summary>
public sealed class FundingCalls(AppDbContext db, AuditLog audit, SaveStep save, TimeProvider clock)
{
    public const string EntityType = nameof(FundingCall);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(LifecycleResult Result, string? Slug)> OpenAsync(FundingCallInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The slug is picked in the write transaction that adds the call, so two calls opened at once differ.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var call = new FundingCall { Slug = await Slugs.UniqueAsync(db.FundingCalls.Select(c => c.Slug), SlugRules.From(input.Title), cancellationToken), Title = "", Funds = "", CreatedAt = Now, UpdatedAt = Now };
        var changes = input.ApplyTo(call);
        var result = await save.AddAsync(call, added => audit.Record(EntityType, Id(added), null, AuditAction.FundingCallOpened, changes),
            added => LifecycleResult.Ok($"\"{added.Title}\" is open to applications from {Domain.Funding.OpensOn(added.OpensAt).ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"))} until {Domain.Funding.DescribeClose(added.ClosesAt)}."),
            cancellationToken, transaction: transaction);
        return (result, result.Succeeded ? call.Slug : null);
    }

    public async Task<LifecycleResult> EditAsync(string slug, FundingCallInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = await db.FundingCalls.SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (call is null)
        {
            return LifecycleResult.NotFound;
        }

        if (call.Version != input.Version)
        {
            return LifecycleResult.Conflict;
        }

        if (input.Budget < call.Awarded)
        {
            return LifecycleResult.Invalid("Input." + nameof(FundingCallInput.Budget), $"{Domain.Funding.Dollars(call.Awarded)} has already been awarded: the budget cannot be less.");
        }

        var changes = input.ApplyTo(call);
        if (changes.Count == 0)
        {
            return LifecycleResult.Ok("Nothing had changed.");
        }

        call.UpdatedAt = Now;
        audit.Record(EntityType, Id(call), null, AuditAction.FundingCallEdited, changes);
        return await save.CommitAsync(LifecycleResult.Ok($"\"{call.Title}\" is saved."), cancellationToken);
    }

    private static string Id(FundingCall call) => call.Id.ToString(CultureInfo.InvariantCulture);
}

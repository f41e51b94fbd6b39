using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Registration.Reviews;

public sealed class ReviewQueueInput
{
    [FromQuery(Name = "status")]
    public RigStatus Status { get; set; } = RigStatus.Submitted;

    /// <summary>Changes of name or school to approved RIGs instead of registrations.</summary>
    [FromQuery(Name = "changes")]
    public bool Changes { get; set; }

    [FromQuery(Name = "region")]
    [StringLength(Limits.Slug)]
    public string? Region { get; set; }

    [FromQuery(Name = "older-than")]
    [Range(0, 3650)]
    public int? OlderThanDays { get; set; }

    [FromQuery(Name = "page")]
    [Range(1, 10_000)]
    public int Page { get; set; } = 1;
}

public sealed record RegionOption(string Slug, string Name);

public sealed record ReviewQueueItem(int Id, string Name, string School, string? Campus, bool SchoolRequested, string Region, DateTime? SubmittedAt, int Sponsors, int ConfirmedSponsors);

public sealed record ReviewQueueViewModel(
    ReviewQueueInput Input, int Submitted, int ChangesRequested, int PendingChanges, IReadOnlyList<ReviewQueueItem> Items, int Total, IReadOnlyList<RegionOption> Regions, DateTime Now)
{
    /// <summary>The registrations a reviewer can list, in the filter's order.</summary>
    public static readonly IReadOnlyList<(RigStatus Status, string Label)> Queues =
        [(RigStatus.Submitted, "Waiting for review"), (RigStatus.ChangesRequested, "Changes requested"), (RigStatus.Draft, "Drafts"), (RigStatus.Rejected, "Rejected")];

    public int Pages => Math.Max(1, (Total + ReviewQueries.PageSize - 1) / ReviewQueries.PageSize);
}

public sealed record DuplicateRow(int Id, string Slug, string Name, RigStatus Status);

public sealed record ReviewPageViewModel(
    RegistrationViewModel Registration,
    RigSummary Summary,
    string Region,
    DateTime? SubmittedAt,
    IReadOnlyList<string> OfficerEmails,
    IReadOnlyList<DuplicateRow> Duplicates,
    IReadOnlyList<HistoryRow> History,
    IReadOnlyList<ChangeRow> PendingChange,
    DecisionInput Decision,
    string? StatusNote);

/// <summary>One field of a change waiting for review: what the directory shows now and what the leaders asked for.</summary>
public sealed record ChangeRow(string Field, string Live, string Proposed);

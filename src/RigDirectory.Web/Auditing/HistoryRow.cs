using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Auditing;

/// <summary>One entry of a record's history as the history partial shows it (RIGs, mentors, mentorships).</summary>
public sealed record HistoryRow(DateTime At, string? Who, AuditAction Action, RigStatus? From, RigStatus? To, string? Note, string? Changes);

namespace RigDirectory.Web.Domain;

/// <summary>A faculty member who sponsors a RIG. Every RIG has at least one.</summary>
public class FacultySponsor
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public required string Email { get; set; }
    public string? Subspecialty { get; set; }

    /// <summary>Set when the sponsor followed the confirmation link sent to them.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>SHA-256 of the confirmation token; the token itself is only ever in the email.</summary>
    public string? ConfirmationTokenHash { get; set; }

    /// <summary>When the confirmation email was sent: the daily caps on outgoing email count from it.</summary>
    public DateTime? ConfirmationRequestedAt { get; set; }

    /// <summary>After this the confirmation link no longer works; the leaders add the sponsor again for a new one.</summary>
    public DateTime? ConfirmationExpiresAt { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A user who leads a RIG, with the position held and the year they expect to graduate.</summary>
public class RigOfficer
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string Position { get; set; }
    public int GraduationYear { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Set when the officer hands over or leaves; kept so the RIG's history stays complete.</summary>
    public DateTime? EndedAt { get; set; }
}

/// <summary>An emailed, single-use, expiring invitation for a co-leader to join a RIG.</summary>
public class OfficerInvitation
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string Email { get; set; }
    public required string Position { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
}

/// <summary>An event a RIG runs (the first one is planned at registration).</summary>

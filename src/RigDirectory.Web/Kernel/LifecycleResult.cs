namespace RigDirectory.Web.Kernel;

public enum Outcome
{
    /// <summary>Done; <see cref="LifecycleResult.Message"/> says what happened.</summary>
    Ok,
    NotFound,

    /// <summary>The user may not act on this RIG.</summary>
    Forbidden,

    /// <summary>The form needs correcting; <see cref="LifecycleResult.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The RIG is not in a state that allows this; <see cref="LifecycleResult.Message"/> says why.</summary>
    Refused,

    /// <summary>Someone else changed the RIG since the user loaded it; nothing was written.</summary>
    Conflict,
}

/// <summary>What a lifecycle command came to, for the controller to translate into HTTP.</summary>
public sealed record LifecycleResult(Outcome Outcome, string? Message, IReadOnlyList<KeyValuePair<string, string>> Errors, int? RigId = null, bool Published = false)
{
    public static readonly LifecycleResult NotFound = new(Outcome.NotFound, null, []);
    public static readonly LifecycleResult Forbidden = new(Outcome.Forbidden, null, []);
    public static readonly LifecycleResult Conflict = new(Outcome.Conflict, null, []);

    public bool Succeeded => Outcome == Outcome.Ok;

    /// <summary>Done. <paramref name="published"/>: the RIG is in the directory (its leaders continue from My RIGs).</summary>
    public static LifecycleResult Ok(string? message = null, int? rigId = null, bool published = false) => new(Outcome.Ok, message, [], rigId, published);

    public static LifecycleResult Refused(string reason) => new(Outcome.Refused, reason, []);

    public static LifecycleResult Invalid(string field, string error) => new(Outcome.Invalid, null, [new(field, error)]);

    public static LifecycleResult Invalid(IReadOnlyList<KeyValuePair<string, string>> errors) => new(Outcome.Invalid, null, errors);
}

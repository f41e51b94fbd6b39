using Microsoft.AspNetCore.Identity;

namespace RigDirectory.Web.Domain;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Demo accounts exist only in Development and are removed anywhere else.</summary>
    public bool IsDemo { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator code accepted: a code of that step or an earlier one is refused,
    /// so a code seen over a shoulder or phished in transit cannot sign in a second session.
    /// </summary>
    public long? AuthenticatorStepUsed { get; set; }
}

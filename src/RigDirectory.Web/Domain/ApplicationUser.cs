using Microsoft.AspNetCore.Identity;

namespace RigDirectory.Web.Domain;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Demo accounts exist only in Development and are removed anywhere else.</summary>
    public bool IsDemo { get; set; }
}

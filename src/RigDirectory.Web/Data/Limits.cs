namespace RigDirectory.Web.Data;

/// <summary>Column lengths, shared by the model and the input models that fill it.</summary>
public static class Limits
{
    public const int Slug = 120;
    public const int Name = 200;
    public const int Position = 80;
    public const int Email = 256;
    public const int Url = 500;
    public const int LongText = 4000;
    public const int TokenHash = 64;
    public const int ClaimMessage = 1000;
    public const int Note = 2000;
}

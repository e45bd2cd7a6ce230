using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace CaseManager.Infrastructure.Identity;

/// <summary>
/// Refuses the passwords attackers try first (NCSC password guidance: block the most common ones). Length alone
/// lets "password1234" through, so every new password is also checked against an embedded list of common and
/// breached passwords, ignoring case and the digits or symbols people add at either end ("Password1234!" is
/// "password"). It runs wherever Identity sets a password: the set-password page, creating a user, the API.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    public const string Message = "This password is too common and easy to guess. Choose a different one, for example three random words.";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return true;
        }

        // "password1234", "!!qwerty2026": a common word dressed up with digits or symbols is still the common word.
        var core = lower.Trim(DecorationCharacters());
        return core.Length > 0 && Common.Value.Contains(core);
    }

    private static char[] DecorationCharacters() => [.. "0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\|`¬ "];

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseManager.Infrastructure.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}

namespace CaseManager.Domain.Common;

/// <summary>Small argument checks that throw <see cref="DomainRuleException"/> with a stable code.</summary>
public static class Guard
{
    public static string Required(string? value, string code, string message, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException(code, message);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException(code, $"{message} (at most {maxLength} characters)");
        }

        return trimmed;
    }

    public static string? Optional(string? value, int maxLength, string code, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength ? trimmed : throw new DomainRuleException(code, message);
    }
}

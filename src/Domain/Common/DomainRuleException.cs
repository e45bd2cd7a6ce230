namespace CaseManager.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (for example <c>case.already-exited</c>) so that
/// API clients and pages can react to it without parsing the message.
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

using CaseManager.Application.Common.Auditing;

namespace CaseManager.Application.Common;

/// <summary>The record does not exist, or the actor may not know that it exists (both answer 404).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    /// <summary>
    /// The audited refusal behind this answer, when the actor was refused a record (null: it simply does not exist).
    /// A command's transaction is rolled back when this is thrown, so the unit of work records the refusal again after it.
    /// </summary>
    public AuditedRefusal? Refusal { get; private init; }

    public static NotFoundException For(string what, object id) => new($"{what} {id} was not found.");

    public static NotFoundException Refused(string what, object id, AuditedRefusal refusal) => new($"{what} {id} was not found.") { Refusal = refusal };
}

/// <summary>A refused read: the action and the record (with its person, so the person's access log shows it).</summary>
public sealed record AuditedRefusal(string Action, AuditSubject Subject);

/// <summary>The actor is signed in but not allowed to do this (403), with the problem's <see cref="Code"/> when a rule names it.</summary>
public sealed class ForbiddenAccessException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}

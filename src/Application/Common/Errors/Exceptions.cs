namespace CaseManager.Application.Common;

/// <summary>The record does not exist, or the actor may not know that it exists (both answer 404).</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException For(string what, object id) => new($"{what} {id} was not found.");
}

/// <summary>The actor is signed in but not allowed to do this (403).</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);

using CaseManager.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Idempotency;

/// <summary>
/// The first answer to a create sent with an <c>Idempotency-Key</c> (docs/adr/0018). Written in the same transaction as
/// the create, so a crash leaves both or neither; a unique index on (UserId, Key) lets only one of two racing requests write.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the method, path and bound request: the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public int StatusCode { get; private set; }

    public string? Location { get; private set; }

    public string? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Create(Guid userId, string key, string requestHash, IdempotentResponse response, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        Key = key,
        RequestHash = requestHash,
        StatusCode = response.StatusCode,
        Location = response.Location,
        ResponseBody = response.Body,
        CreatedAt = at,
    };
}

/// <summary>What a create answered: replayed as it was to a retry with the same key.</summary>
public sealed record IdempotentResponse(int StatusCode, string? Location, string? Body);

/// <summary>
/// The idempotency key of the current request, set by the web layer before the create's command is sent. The unit of
/// work turns the command's result into the stored answer (<see cref="Complete"/>) and saves it with the command.
/// </summary>
public sealed class IdempotentRequest
{
    private Pending? _pending;

    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(24);

    public const int MaxKeyLength = 100;

    /// <summary>1 to 100 printable ASCII characters (space to tilde).</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= ' ' and <= '~');

    public void Begin(Guid userId, string key, string requestHash, Func<object?, IdempotentResponse> describe) =>
        _pending = new Pending(userId, key, requestHash, describe);

    /// <summary>The record for the command's result, once: a second command in the same request stores nothing.</summary>
    public IdempotencyRecord? Complete(object? response, DateTimeOffset at)
    {
        if (_pending is not { } pending)
        {
            return null;
        }

        _pending = null;
        return IdempotencyRecord.Create(pending.UserId, pending.Key, pending.RequestHash, pending.Describe(response), at);
    }

    private sealed record Pending(Guid UserId, string Key, string RequestHash, Func<object?, IdempotentResponse> Describe);
}

/// <summary>Finds the stored answer for a user's key; an answer older than <see cref="IdempotentRequest.Lifetime"/> is forgotten.</summary>
public sealed class IdempotencyStore(IAppDbContext db, TimeProvider clock)
{
    public async Task<IdempotencyRecord?> FindAsync(Guid userId, string key, CancellationToken cancellationToken)
    {
        var found = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (found is null || found.CreatedAt > clock.GetUtcNow() - IdempotentRequest.Lifetime)
        {
            return found;
        }

        // Expired but not yet swept by housekeeping: the key is free again, and the unique index must let it be reused.
        await db.IdempotencyRecords.Where(r => r.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
        return null;
    }
}

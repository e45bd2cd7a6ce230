using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Paging;

/// <summary>One page of a list, with the total count of matching items.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>Messages that return a page carry these two numbers.</summary>
public interface IPagedRequest
{
    int Page { get; }

    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, IPagedRequest request, CancellationToken ct) =>
        query.ToPagedAsync(request, query.CountAsync, ct);

    /// <summary>A page whose total is counted another way than by counting the query: the same number, found faster.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, IPagedRequest request, Func<CancellationToken, Task<int>> count, CancellationToken ct)
    {
        var total = await count(ct);
        // In 64 bits: page 2147483647 of 200 would wrap round in 32 and answer page 1's records.
        var offset = request.Offset();
        var items = offset >= total
            ? []
            : await query.Skip((int)offset).Take(request.PageSize).ToListAsync(ct);
        return new Paged<T>(items, request.Page, request.PageSize, total);
    }

    /// <summary>How many items come before the page, in 64 bits: page 2147483647 of 200 would wrap round in 32.</summary>
    public static long Offset(this IPagedRequest request) => ((long)request.Page - 1) * request.PageSize;

    /// <summary>One page of a list already in memory (merged or worked out after the query); empty past the end.</summary>
    public static IEnumerable<T> PageOf<T>(this IEnumerable<T> items, IPagedRequest request) =>
        request.Offset() is var offset && offset >= int.MaxValue ? [] : items.Skip((int)offset).Take(request.PageSize);

    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedRequest
    {
        validator.RuleFor(r => r.Page).GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more");
        validator.RuleFor(r => r.PageSize).InclusiveBetween(1, MaxPageSize)
            .WithMessage($"Page size must be between 1 and {MaxPageSize}");
    }
}

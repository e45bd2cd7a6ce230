using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.CorrectPersonDetails;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Domain.People;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseManager.Web.Endpoints;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People").WithStandardProblems();

        group.MapPost("/", async Task<Created<PersonDetailsView>> (RegisterPersonCommand command, ISender sender, CancellationToken ct) =>
            {
                var person = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/people/{person.Id}", person);
            })
            .WithIdempotency<PersonDetailsView>((_, person) => $"/api/v1/people/{person.Id}")
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Record a new person, owned by the caller's agency");

        group.MapGet("/{id:guid}", async Task<Ok<PersonDetailsView>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetPersonQuery(new PersonId(id)), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("A person the caller may see (404 otherwise)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Ok<Paged<PersonListItem>>> (string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchPeopleQuery(search, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.ReadCaseData)
            .WithSummary("Search the people the caller may see, by name, date of birth or identifier");

        group.MapPut("/{id:guid}", async Task<Ok<PersonDetailsView>> (Guid id, CorrectPersonRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(
                    new CorrectPersonDetailsCommand(new PersonId(id), body.Version, body.GivenName, body.FamilyName, body.DateOfBirth, body.Gender, body.Identifiers, body.Address),
                    ct)))
            .RequireAuthorization(Policies.WriteCaseData)
            .WithSummary("Correct a person's details (owning agency only; send the version you read)")
            .WithDescription("Answers 409 with code concurrency.stale when someone else saved the person after the given version.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}

/// <summary>A correction. <c>version</c> is nullable so that a missing version is a 400, never taken as 0.</summary>
public sealed record CorrectPersonRequest(
    int? Version,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    string? Gender,
    PersonIdentifierValues? Identifiers,
    string? Address);

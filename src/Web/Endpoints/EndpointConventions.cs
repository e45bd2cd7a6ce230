namespace CaseManager.Web.Endpoints;

internal static class EndpointConventions
{
    /// <summary>Documents the problem responses every authenticated API route can give.</summary>
    public static RouteGroupBuilder WithStandardProblems(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesValidationProblem();
}

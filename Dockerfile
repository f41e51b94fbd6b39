# Production image of the web app: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/RigDirectory.Web/RigDirectory.Web.csproj src/RigDirectory.Web/
RUN dotnet restore src/RigDirectory.Web/RigDirectory.Web.csproj -r linux-x64
COPY src/ src/
# ReadyToRun: precompiled code starts about a second sooner than JIT-only (tests/Benchmarks/run.sh, cold start).
RUN dotnet publish src/RigDirectory.Web/RigDirectory.Web.csproj -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/App_Data && chown -R app:app /app/App_Data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "RigDirectory.Web.dll"]

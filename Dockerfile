# syntax=docker/dockerfile:1
# Build: docker build -t stretching .
# Run:   docker run -p 8080:8080 -v stretching-data:/data stretching

FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores the front-end packages with npm (see Stretching.Web.csproj).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /source

# Restore first so the package layers are cached while only the code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Stretching.Core/Stretching.Core.csproj src/Stretching.Core/
COPY src/Stretching.Web/Stretching.Web.csproj src/Stretching.Web/package.json src/Stretching.Web/package-lock.json src/Stretching.Web/
RUN dotnet restore src/Stretching.Web/Stretching.Web.csproj

COPY data/ data/
COPY src/ src/
RUN dotnet publish src/Stretching.Web/Stretching.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The SQLite file, the keys, the email outbox and the logs live on a volume so they survive new
# images; with PostgreSQL (compose.yaml) only the outbox and the logs do, and /app is not writable.
RUN mkdir -p /data && chown app:app /data
VOLUME /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Stretching="Data Source=/data/stretching.db" \
    Storage__Directory=/data \
    Serilog__WriteTo__1__Args__path="/data/logs/stretching-.log"
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Stretching.Web.dll"]

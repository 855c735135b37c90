// Prints the full introspection query of the npm graphql package (what GraphiQL and code generators send, with
// descriptions), so the .NET tests check that the query limits never refuse schema tools.
//
// Usage: node introspection-query.mjs
import { getIntrospectionQuery } from 'graphql';

process.stdout.write(getIntrospectionQuery({ descriptions: true }));

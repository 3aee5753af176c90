import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

/** The dashboard: pages at real paths (router.tsx). */
export function App() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
